#!/usr/bin/env bash
# The Debian package, end to end: builds it with cpack from this build
# tree, unpacks it into a scratch root with dpkg -x, and runs the unpacked
# binaries as an installed copy would run: without $VNARCHIVE_MODELS, so the
# models come from the unpacked share/vnarchive/models (checked in
# --version), never from the source tree (hidden where the system allows). Indexes a few samples, searches
# them, renders the man pages when man is installed, and verifies the
# systemd units when systemd-analyze is.
#   package_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
# Exit 77 (CTest's skip) when cpack, dpkg-deb or dpkg-shlibdeps is missing.
set -euo pipefail
source_dir=$1 build_dir=$2 work=$3

for tool in cpack dpkg-deb dpkg-shlibdeps; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (scripts/setup installs it)"
    exit 77
  fi
done

fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
unset VNARCHIVE_MODELS VNARCHIVE_DB

# The package. cpack installs this build tree (as built) into its staging.
cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/cpack/vnarchive_*.deb)
echo "built $deb ($(du -h "$deb" | cut -f1))"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libxapian libtbb libzstd libc6; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib"
done
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/vnindex ./usr/bin/vnsearch ./usr/share/vnarchive/models/lm.bin \
            ./usr/share/vnarchive/models/lexicon.tsv ./usr/share/vnarchive/models/README.md \
            ./usr/share/bash-completion/completions/vnindex ./usr/share/bash-completion/completions/vnsearch \
            ./usr/lib/systemd/system/vnarchive-index.service ./usr/lib/systemd/system/vnarchive-index.timer \
            ./usr/lib/systemd/system/vnarchive-tcpsrv@.service \
            ./usr/share/doc/vnarchive/README.md; do
  grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done
if grep -Eq 'unit_tests|e2e_tests|bench|fuzz|link_check' <<<"$contents"; then
  fail "the package holds test, bench or fuzz files"
fi

root=$work/root
dpkg -x "$deb" "$root"
bin=$root/usr/bin

# The source tree's models/ out of reach: an empty tmpfs over it, in a mount
# namespace of the unpacked binaries' own, where unshare can make one.
hide=()
if unshare -rm sh -c 'mount -t tmpfs none "$1"' sh "$source_dir/models" 2>/dev/null; then
  hide=(unshare -rm sh -c 'mount -t tmpfs none "$1" && shift && exec "$@"' sh "$source_dir/models")
  echo "the source tree's models/ is hidden from the unpacked binaries"
else
  echo "cannot hide the source tree's models/ (no mount namespace): relying on --version"
fi

# Models from the unpacked tree, not the source tree.
version=$("${hide[@]}" "$bin/vnindex" --version)
echo "$version"
expected_models="models: $root/usr/share/vnarchive/models (id "
[[ $version == "vnindex "*" (git "*")"$'\n'"$expected_models"* ]] || fail "vnindex --version: models not from $root"
[[ $("${hide[@]}" "$bin/vnsearch" --version) == *"$expected_models"* ]] || fail "vnsearch --version"

# Index a few samples and search them, with the unpacked binaries only.
mkdir -p "$work/archive"
cp "$source_dir"/samples/ocr/0[1-4]-*.txt "$work/archive/"
"${hide[@]}" "$bin/vnindex" index --db "$work/idx" --quiet "$work/archive" || fail "vnindex index"
hits=$("${hide[@]}" "$bin/vnsearch" --db "$work/idx" --json chuyen doi so) || fail "vnsearch"
grep -q '03-cong-van-chuyen-doi-so.txt' <<<"$hits" || fail "vnsearch found no sample: $hits"
"$bin/vnindex" verify --db "$work/idx" >/dev/null || fail "vnindex verify"

# The man pages render without warnings.
if command -v man >/dev/null; then
  for page in vnindex vnsearch; do
    file=$root/usr/share/man/man1/$page.1.gz
    [[ -f $file ]] || fail "no man page $page.1.gz (is scdoc installed?)"
    text=$(MANWIDTH=80 man -l "$file" 2>"$work/man-$page.err")
    [[ ! -s $work/man-$page.err ]] || fail "man $page: $(cat "$work/man-$page.err")"
    grep -q "EXIT STATUS" <<<"$text" || fail "man $page: no EXIT STATUS"
  done
else
  echo "man is not installed: man pages not rendered"
fi
# The systemd units load (the service pointed at the unpacked binary, as
# verify checks that ExecStart's program exists).
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$work/units"
  sed "s|/usr/bin/vnindex|$bin/vnindex|" "$root/usr/lib/systemd/system/vnarchive-index.service" \
    >"$work/units/vnarchive-index.service"
  cp "$root/usr/lib/systemd/system/vnarchive-index.timer" "$root/usr/lib/systemd/system/vnarchive-tcpsrv@.service" \
    "$work/units/"
  systemd-analyze verify --man=no "$work/units/vnarchive-index.service" "$work/units/vnarchive-index.timer" \
    "$work/units/vnarchive-tcpsrv@.service" || fail "systemd-analyze verify"
else
  echo "systemd-analyze is not installed: units not verified"
fi
echo "OK"
