#!/usr/bin/env bash
# Uploads the built site (dist/, from `cargo xtask dist --release`) to the stack's bucket with
# the metadata the local server gives each file (endpoint/src/site.rs), since CloudFront
# passes S3's metadata through:
#   - Cache-Control: CACHE_HASHED for Trunk's hashed names (name-<16 hex>[_bg].ext), which never
#     change, CACHE_OTHER for everything else (HTML first of all: revalidated, so a deploy shows
#     at once). endpoint/tests/deploy_headers.rs checks these two values against the server's.
#   - Content-Type by extension, the same for file.br / file.gz as for file;
#   - Content-Encoding: br / gzip on the precompressed copies (the CloudFront function in
#     deploy/template.yaml serves them for hashed assets; CloudFront compresses the rest).
# Usage: deploy/upload-site.sh BUCKET [DIST_DIR]   (needs the AWS CLI, logged in)
set -euo pipefail
BUCKET=${1:?usage: deploy/upload-site.sh BUCKET [DIST_DIR]}
DIST=${2:-dist}
CACHE_HASHED="public, max-age=31536000, immutable"
CACHE_OTHER="no-cache"

content_type() {
  case "$1" in
    *.html) echo "text/html; charset=utf-8" ;;
    *.js|*.mjs) echo "text/javascript; charset=utf-8" ;;
    *.css) echo "text/css; charset=utf-8" ;;
    *.wasm) echo "application/wasm" ;;
    *.json) echo "application/json" ;;
    *.webmanifest) echo "application/manifest+json" ;;
    *.svg) echo "image/svg+xml" ;;
    *.png) echo "image/png" ;;
    *.ico) echo "image/x-icon" ;;
    *.woff2) echo "font/woff2" ;;
    *.txt) echo "text/plain; charset=utf-8" ;;
    *.xml) echo "application/xml" ;;
    *) echo "application/octet-stream" ;;
  esac
}

cd "$DIST"
# Hashed assets first, HTML last: a page never points at an asset not yet uploaded.
find . -type f ! -name '*.html' ! -name '*.html.br' ! -name '*.html.gz' -print | sort > /tmp/eer-upload.list
find . -type f \( -name '*.html' -o -name '*.html.br' -o -name '*.html.gz' \) -print | sort >> /tmp/eer-upload.list
while IFS= read -r file; do
  key=${file#./}
  plain=$key
  encoding=()
  case "$key" in
    *.br) plain=${key%.br}; encoding=(--content-encoding br) ;;
    *.gz) plain=${key%.gz}; encoding=(--content-encoding gzip) ;;
  esac
  # A page the local server completes per request (__EER_ORIGIN__) needs EER_SITE_ORIGIN at
  # build time here: S3 serves files as they are.
  if [[ $key == *.html ]] && grep -q "__EER_ORIGIN__" "$key"; then
    echo "warning: $key still holds __EER_ORIGIN__: build with EER_SITE_ORIGIN=https://your.domain" >&2
  fi
  name=${plain##*/}
  if [[ $name =~ -[0-9a-f]{16}(_bg)?\.[A-Za-z0-9]+$ ]]; then cache=$CACHE_HASHED; else cache=$CACHE_OTHER; fi
  aws s3 cp "$key" "s3://$BUCKET/$key" --only-show-errors \
    --content-type "$(content_type "$plain")" --cache-control "$cache" "${encoding[@]}"
done < /tmp/eer-upload.list
echo "uploaded $(wc -l < /tmp/eer-upload.list) files to s3://$BUCKET"
