#!/usr/bin/env bash
# Every long option the binaries' --help lists (each vnindex command's and
# vnsearch's) is in their bash completion script and in their man page, so
# neither falls behind the command line; and both completion scripts
# complete, under a minimal stand-in for bash-completion's helpers.
#   cli_docs_test.sh SOURCE_DIR VNINDEX VNSEARCH
set -euo pipefail
source_dir=$1 vnindex=$2 vnsearch=$3
status=0

# check PROGRAM HELP_TEXT: its long options against the program's files.
check() {
  local program=$1 help=$2 option
  for option in $(grep -oE -- '--[a-z][a-z0-9-]+' <<<"$help" | sort -u); do
    grep -qE -- "(^|[ '\"])$option([ )'\"]|\$)" "$source_dir/packaging/bash-completion/$program" ||
      { echo "FAIL: $option of $program is not in packaging/bash-completion/$program"; status=1; }
    grep -qF -- "*$option*" "$source_dir/man/$program.1.scd" ||
      { echo "FAIL: $option of $program is not in man/$program.1.scd"; status=1; }
  done
}

help=$("$vnindex" --help)
for command in index verify compact merge restore extract adapt train-model; do
  help+=$'\n'$("$vnindex" "$command" --help)
done
check vnindex "$help"
check vnsearch "$("$vnsearch" --help)"

# complete PROGRAM WORD...: what <Tab> offers after the words (the last one
# is the word being completed), with stand-ins for bash-completion's helpers.
complete_words() {
  bash -c '
    _init_completion() { words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; cur=${words[cword]}; prev=${words[cword-1]}; }
    _filedir() { COMPREPLY=(FILES); }
    compopt() { :; }
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    "_$1"
    echo "${COMPREPLY[*]}"' sh "$source_dir/packaging/bash-completion/$1" "$@"
}
expect() {
  local want=$1; shift
  local got; got=$(complete_words "$@")
  [[ $got == "$want" ]] || { echo "FAIL: completing '$*': got '$got', want '$want'"; status=1; }
}
expect "index" vnindex in
expect "train-model" vnindex tr
expect "--prune" vnindex index --pr
expect "--db --doc" vnsearch --d
expect "date date-asc" vnsearch --sort da
expect "type,year" vnsearch --facet type,y
expect "FILES" vnindex index --db ''
expect "both" vnsearch --show b
exit $status
