#!/bin/sh
# The container's start: writes what the service answers, then serves /www with busybox httpd on $PORT (8080).
#   /version        the deployed version ($SERVICE_VERSION, set by the task definition from ${Version}), else the image's
#   /image-version  the version the image was built as ($IMAGE_VERSION, the VERSION build arg)
#   /health         "ok", for health checks
#   /               a small index page with both
set -e
deployed=${SERVICE_VERSION:-$IMAGE_VERSION}
printf '%s\n' "$deployed" >/www/version
printf '%s\n' "$IMAGE_VERSION" >/www/image-version
printf 'ok\n' >/www/health
sed -e "s|{{version}}|$deployed|g" -e "s|{{image-version}}|$IMAGE_VERSION|g" -e "s|{{environment}}|${DEPLOYMENT_ENVIRONMENT:-none}|g" \
    /www/index.template.html >/www/index.html
exec /bin/busybox httpd -f -p "${PORT:-8080}" -h /www
