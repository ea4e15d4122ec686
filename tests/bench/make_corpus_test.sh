#!/bin/sh
# bench/make-corpus: the same seed gives byte-identical output, every page
# is distinct, the total is about the size asked for, and it works without a
# corpus (the unigram stand-in from models/).
#   tests/bench/make_corpus_test.sh REPO_DIR WORK_DIR
set -eu
repo=$1
work=$2
mc="$repo/bench/make-corpus"
rm -rf "$work"
mkdir -p "$work"

fail() { echo "make_corpus_test: $*" >&2; exit 1; }

check_pages() {  # DIR: over 100 pages, all distinct, >= 1 MB in all
  n=$(find "$1" -name 'page-*.txt' | wc -l)
  [ "$n" -gt 100 ] || fail "$1: only $n pages"
  dups=$(find "$1" -name 'page-*.txt' -exec cksum {} + | cut -d' ' -f1,2 | sort | uniq -d | wc -l)
  [ "$dups" -eq 0 ] || fail "$1: $dups duplicated pages"
  bytes=$(find "$1" -name 'page-*.txt' -exec cat {} + | wc -c)
  [ "$bytes" -ge 1000000 ] && [ "$bytes" -lt 1500000 ] || fail "$1: $bytes bytes for --mb 1"
  [ -d "$1/batch-000" ] || fail "$1: no batch-000/"
}

"$mc" --mb 1 --out "$work/a" --seed 1 >"$work/a.log"
"$mc" --mb 1 --out "$work/b" --seed 1 >"$work/b.log"
diff -r "$work/a" "$work/b" >/dev/null || fail "two runs with --seed 1 differ"
check_pages "$work/a"

"$mc" --mb 1 --out "$work/f" --seed 1 --corpus /nonexistent >"$work/f.log"
grep -q 'unigram stand-in' "$work/f.log" || fail "no stand-in text without a corpus: $(cat "$work/f.log")"
check_pages "$work/f"
# Rewriting an earlier output in place gives the same pages.
"$mc" --mb 1 --out "$work/f" --seed 2 --corpus /nonexistent >/dev/null
"$mc" --mb 1 --out "$work/g" --seed 2 --corpus /nonexistent >/dev/null
diff -r "$work/f" "$work/g" >/dev/null || fail "rewriting an earlier output left stale pages"
# Anything else in --out is refused.
mkdir -p "$work/other" && echo x >"$work/other/keep.txt"
if "$mc" --mb 1 --out "$work/other" --corpus /nonexistent >/dev/null 2>&1; then
  fail "wrote into a directory holding other files"
fi
[ -f "$work/other/keep.txt" ] || fail "removed another file"

rm -rf "$work"
echo "make_corpus_test: ok"
