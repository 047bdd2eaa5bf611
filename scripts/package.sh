#!/usr/bin/env bash
# One offline package for offices without internet: the release binary, SHA-256 sums, the
# Chinese quick start for editors and a starter site (the sample portal), as one .tar.gz.
#   scripts/package.sh [OUT_DIR]        (default: dist/)
# Builds `cargo build --release` unless target/release/civic is newer than every source file.
# CIVIC_BIN=PATH packages that binary instead (tests/integration/package.rs packages the debug one).
set -euo pipefail
cd "$(dirname "$0")/.."
out_dir=${1:-dist}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
arch=$(uname -m)
name="civic-${version}-linux-${arch}"
bin=${CIVIC_BIN:-target/release/civic}

if [ -z "${CIVIC_BIN:-}" ] && { [ ! -x "$bin" ] || [ -n "$(find src themes Cargo.toml Cargo.lock -newer "$bin" -print -quit)" ]; }; then
  cargo build --release --locked
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir="$stage/$name"
mkdir -p "$dir/starter-site"
cp "$bin" "$dir/civic"
cp docs/editors-guide.zh.md "$dir/编辑快速上手.md"
cp README.md "$dir/README.md"
cp docs/inspection.md "$dir/政府网站检查与三审三校.md"
cp site.yaml "$dir/starter-site/"
cp -r content "$dir/starter-site/"
cp -r data "$dir/starter-site/"   # protected-name lists and reviewers (docs/inspection.md)
[ -d static ] && cp -r static "$dir/starter-site/"
cat >> "$dir/starter-site/site.yaml" <<'YAML'

# 发布目标（管理员填写后去掉 # 号）· Publish targets (an administrator fills these in):
# publish:
#   office: { path: /mnt/web-share/wenming }
#   cloud:
#     host: web.example.gov.cn
#     user: deploy
#     key_file: ~/.ssh/id_ed25519     # a path to the key, never the key itself
#     remote_path: /srv/www/wenming   # the web server serves /srv/www/wenming/current
YAML
(cd "$dir" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)

mkdir -p "$out_dir"
tar -C "$stage" --owner=0 --group=0 -czf "$out_dir/$name.tar.gz" "$name"
(cd "$out_dir" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$out_dir/$name.tar.gz"
echo "binary: $(stat -c %s "$bin") bytes; package: $(stat -c %s "$out_dir/$name.tar.gz") bytes"
