#!/usr/bin/env bash
# Runs the Amira demo: builds the project, unpacks WildFly 39 (into it/target), starts the AMI
# simulator on loopback as the PBX (unless AMIRA_HOST names a real Asterisk), deploys amira.ear
# and runs WildFly in the foreground. Ctrl-C stops the server and the simulator.
#
#   ./demo.sh                       # simulator as the PBX
#   AMIRA_HOST=pbx AMIRA_USERNAME=amira AMIRA_SECRET=... ./demo.sh    # a real Asterisk
set -euo pipefail
cd "$(dirname "$0")"

wildfly_version=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
wildfly_home="$PWD/it/target/wildfly-$wildfly_version"
base_dir="$PWD/target/demo/standalone"
simulator_port="${AMIRA_DEMO_SIMULATOR_PORT:-15038}"

echo "==> Building Amira and fetching WildFly $wildfly_version (first run downloads it)"
mvn -q -DskipTests -pl it -am verify

rm -rf "$base_dir"
mkdir -p "$(dirname "$base_dir")"
cp -r "$wildfly_home/standalone" "$base_dir"
cp ear/target/amira.ear "$base_dir/deployments/"
# The sample's MDB logs each call event at FINE (DEBUG in WildFly's terms), off in production; the
# demo shows those lines on the console through a handler of their own.
sed -i 's#</periodic-rotating-file-handler>#&\
            <console-handler name="AMIRA-SAMPLE-EVENTS"><level name="DEBUG"/><formatter><named-formatter name="COLOR-PATTERN"/></formatter></console-handler>\
            <logger category="io.amira.sample.CallEventListenerBean"><level name="DEBUG"/><handlers><handler name="AMIRA-SAMPLE-EVENTS"/></handlers></logger>#' \
    "$base_dir/configuration/standalone-full.xml"

simulator_pid=""
server_pid=""
stop_all() {
    trap - INT TERM EXIT
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [ -n "$simulator_pid" ] && kill "$simulator_pid" 2>/dev/null && wait "$simulator_pid" 2>/dev/null
    echo "==> Demo stopped"
}
trap stop_all INT TERM EXIT

server_properties=()
if [ -z "${AMIRA_HOST:-}" ]; then
    echo "==> Starting the AMI simulator on 127.0.0.1:$simulator_port"
    java -jar simulator/target/amira-simulator.jar --port "$simulator_port" &
    simulator_pid=$!
    server_properties=(-Damira.host=127.0.0.1 -Damira.port="$simulator_port" -Damira.username=admin)
    export AMIRA_SECRET=amp111   # as the environment: WildFly logs its system properties
else
    echo "==> Using the Asterisk at $AMIRA_HOST:${AMIRA_PORT:-5038} (AMIRA_* environment)"
fi

echo "==> Starting WildFly with amira.ear (Ctrl-C stops everything)"
LAUNCH_JBOSS_IN_BACKGROUND=1 "$wildfly_home/bin/standalone.sh" -c standalone-full.xml \
    -Djboss.server.base.dir="$base_dir" \
    -Damira.sample.originate="${AMIRA_SAMPLE_ORIGINATE:-Local/100@demo}" \
    -Damira.sample.interval="${AMIRA_SAMPLE_INTERVAL:-10}" \
    "${server_properties[@]}" &
server_pid=$!
wait "$server_pid" || true
