#!/bin/sh
# Starts the portal the fast way (README, "Faster start"): from the extracted jar, with the bean definitions Spring
# AOT worked out at build time and a class-data-sharing (CDS) archive of the classes a start loads. The archive is
# made by a training run the first time a jar is seen: the portal starts with its real settings and stops as soon
# as its beans exist, so it must reach the database and the identity provider as a normal start does. Without the
# archive (the training run failed, or another instance is making it) the portal still starts, only slower.
#
#   PORTAL_JAR           the packaged jar (default /app/ld-portal.jar)
#   PORTAL_CACHE_DIR     where the extracted jar and the archive are kept between starts (default /cache)
#   PORTAL_JAVA_OPTIONS  JVM options (default: the memory settings below)
#   PORTAL_AOT           false to start without the AOT bean definitions (for settings that add or remove beans)
#   MANAGEMENT_SERVER_PORT  the metrics port (default 8081): the AOT definitions were made with one (see pom.xml)
# Arguments are passed to the portal (e.g. --server.port=8080).
set -eu

jar="${PORTAL_JAR:-/app/ld-portal.jar}"
cache="${PORTAL_CACHE_DIR:-/cache}"
# A small portal: serial GC (one collector thread, the least memory of its own), a heap bound that gives memory back,
# smaller thread stacks and code cache. See README, "Faster start" for the figures behind these.
options="${PORTAL_JAVA_OPTIONS:--XX:+UseSerialGC -Xms64m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError}"

aot="-Dspring.aot.enabled=${PORTAL_AOT:-true}"
export MANAGEMENT_SERVER_PORT="${MANAGEMENT_SERVER_PORT:-8081}"

# One directory per jar (by checksum), so a new build gets a new extraction and archive. The archive records the class
# path it was made with: the training run must use the very directory later starts use (the JVM silently ignores an
# archive whose class path differs), so it is made in place, under a lock against a second instance doing the same.
sum=$(cksum < "$jar" | cut -d ' ' -f 1)
home="$cache/$sum"
app="$home/app/$(basename "$jar")"
lock="$cache/preparing"

mkdir -p "$cache"
# A lock left by a first start that was killed does not block the next ones for long.
find "$cache" -maxdepth 1 -name preparing -mmin +10 -exec rm -rf {} + 2>/dev/null || true
if [ ! -f "$home/ready" ] && mkdir "$lock" 2>/dev/null; then
    for old in "$cache"/*; do
        [ "$old" = "$lock" ] || rm -rf "$old"
    done
    mkdir -p "$home"
    java -Djarmode=tools -jar "$jar" extract --destination "$home/app"
    if java $options -XX:ArchiveClassesAtExit="$home/app.jsa" -Dspring.context.exit=onRefresh "$aot" \
            -jar "$app" "$@" > "$home/training.log" 2>&1; then
        touch "$home/ready"
        echo "portal-start: class-data-sharing archive made by a training run" >&2
    else
        # Tried again on the next start: what fails a training run (database, identity provider) fails a start too.
        echo "portal-start: the training run failed, starting without an archive; its log:" >&2
        tail -n 20 "$home/training.log" >&2
        rm -rf "$home"
    fi
    rmdir "$lock"
fi

if [ -f "$home/ready" ]; then
    exec java $options -XX:SharedArchiveFile="$home/app.jsa" "$aot" -jar "$app" "$@"
fi
# Another instance is still preparing, or the training run failed: start from the jar as it is.
exec java $options "$aot" -jar "$jar" "$@"
