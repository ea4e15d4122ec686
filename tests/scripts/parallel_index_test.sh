#!/usr/bin/env bash
# scripts/parallel-index: 2 shards of samples/ocr at once (--no-restore);
# the stub file lists both shards and searching it lists the same paths as
# one index of the samples; a failing job makes it exit 1 naming the shard.
#   tests/scripts/parallel_index_test.sh REPO_DIR VNINDEX VNSEARCH WORK_DIR
# Exit 77 (CTest's skip) when GNU parallel is not installed.
set -euo pipefail
repo=$1 vnindex=$2 vnsearch=$3 work=$4

if ! command -v parallel >/dev/null || ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
  echo "SKIP: GNU parallel is not installed (apt-get install parallel; scripts/setup installs it)"
  exit 77
fi
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
unset VNARCHIVE_DB
archive="$repo/samples/ocr"

"$repo/scripts/parallel-index" --shards 2 --prefix "$work/sharded" --vnindex "$vnindex" "$archive" \
  -- --no-restore --quiet --threads 1 >"$work/run.out" 2>"$work/run.err" ||
  { cat "$work/run.out" "$work/run.err"; fail "parallel-index exited $?"; }

expected=$'auto shard-1/xapian\nauto shard-2/xapian'
[[ $(grep -v '^#' "$work/sharded/archive.stub") == "$expected" ]] ||
  fail "stub file: $(cat "$work/sharded/archive.stub")"
for k in 1 2; do
  [ -d "$work/sharded/shard-$k/xapian" ] || fail "no shard-$k/xapian"
done

"$vnindex" index --no-restore --quiet --db "$work/single" "$archive" || fail "single index"
single=$("$vnsearch" --db "$work/single" --paths huyện | sort)
sharded=$("$vnsearch" --db "$work/sharded/archive.stub" --paths huyện | sort)
[ -n "$single" ] || fail "the single index finds nothing for huyện"
[ "$single" == "$sharded" ] || fail "paths differ: single
$single
sharded
$sharded"
# Both shards hold some of the hits (the stub is not one shard twice).
n1=$("$vnsearch" --db "$work/sharded/shard-1" --paths huyện | wc -l)
n2=$("$vnsearch" --db "$work/sharded/shard-2" --paths huyện | wc -l)
[ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] && [ $((n1 + n2)) -eq "$(wc -l <<<"$single")" ] ||
  fail "shard hits $n1 + $n2 for $(wc -l <<<"$single") in the single index"

# A failing job: exit 1, each failed shard named.
status=0
"$repo/scripts/parallel-index" --shards 2 --prefix "$work/bad" --vnindex "$vnindex" "$archive" \
  -- --no-such-option >"$work/bad.out" 2>"$work/bad.err" || status=$?
[ "$status" -eq 1 ] || fail "a failing vnindex: exit $status, not 1"
grep -q 'shard 1/2 failed' "$work/bad.err" && grep -q 'shard 2/2 failed' "$work/bad.err" ||
  fail "failed shards not named: $(cat "$work/bad.err")"
# Usage errors exit 2.
status=0
"$repo/scripts/parallel-index" --prefix "$work/x" "$archive" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "no --shards: exit $status, not 2"
echo "OK: $(wc -l <<<"$single") paths for huyện, $n1 + $n2 from the shards"
