#!/usr/bin/env bash
# Runs the Amira demo: builds the project, unpacks the application server (into it/target), starts
# the AMI simulator on loopback as the PBX (unless AMIRA_HOST names a real Asterisk), deploys
# amira.ear and runs the server in the foreground. Ctrl-C stops the server and the simulator.
#
#   ./demo.sh                       # WildFly 39, simulator as the PBX
#   ./demo.sh --server payara       # Payara Server 6
#   AMIRA_HOST=pbx AMIRA_USERNAME=amira AMIRA_SECRET=... ./demo.sh    # a real Asterisk
set -euo pipefail
cd "$(dirname "$0")"

server=wildfly
while [ $# -gt 0 ]; do
    case "$1" in
        --server) server="${2:-}"; shift 2 ;;
        --server=*) server="${1#--server=}"; shift ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (try --server wildfly|payara)" >&2; exit 2 ;;
    esac
done
case "$server" in
    wildfly|payara) ;;
    *) echo "unknown server: $server (wildfly or payara)" >&2; exit 2 ;;
esac

simulator_port="${AMIRA_DEMO_SIMULATOR_PORT:-15038}"

echo "==> Building Amira and fetching the servers (the first run downloads them)"
mvn -q -DskipTests -pl it -am verify

simulator_pid=""
server_pid=""
payara_domains=""
stop_all() {
    trap - INT TERM EXIT
    set +e   # stop everything even when one of them is gone already
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    # Payara's server JVM is a child of asadmin: make sure it is down too.
    [ -n "$payara_domains" ] && "$PWD/it/target/payara6/bin/asadmin" stop-domain --domaindir "$payara_domains" amira-demo >/dev/null 2>&1
    [ -n "$simulator_pid" ] && kill "$simulator_pid" 2>/dev/null && wait "$simulator_pid" 2>/dev/null
    echo "==> Demo stopped"
}
trap stop_all INT TERM EXIT

# The adapter's settings as MicroProfile Config system properties; the secret as the environment
# variable AMIRA_SECRET (WildFly logs its system properties, Payara keeps them in domain.xml).
adapter_properties=()
if [ -z "${AMIRA_HOST:-}" ]; then
    echo "==> Starting the AMI simulator on 127.0.0.1:$simulator_port"
    java -jar simulator/target/amira-simulator.jar --port "$simulator_port" &
    simulator_pid=$!
    adapter_properties=(amira.host=127.0.0.1 amira.port="$simulator_port" amira.username=admin)
    export AMIRA_SECRET=amp111
else
    echo "==> Using the Asterisk at $AMIRA_HOST:${AMIRA_PORT:-5038} (AMIRA_* environment)"
fi
adapter_properties+=(amira.sample.originate="${AMIRA_SAMPLE_ORIGINATE:-Local/100@demo}"
                     amira.sample.interval="${AMIRA_SAMPLE_INTERVAL:-10}")

if [ "$server" = wildfly ]; then
    wildfly_version=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
    wildfly_home="$PWD/it/target/wildfly-$wildfly_version"
    base_dir="$PWD/target/demo/standalone"
    rm -rf "$base_dir"
    mkdir -p "$(dirname "$base_dir")"
    cp -r "$wildfly_home/standalone" "$base_dir"
    cp ear/target/amira.ear "$base_dir/deployments/"

    echo "==> Starting WildFly with amira.ear (Ctrl-C stops everything)"
    LAUNCH_JBOSS_IN_BACKGROUND=1 "$wildfly_home/bin/standalone.sh" -c standalone-full.xml \
        -Djboss.server.base.dir="$base_dir" "${adapter_properties[@]/#/-D}" &
else
    payara_home="$PWD/it/target/payara6"
    domains="$PWD/target/demo/payara-domains"
    rm -rf "$domains"
    mkdir -p "$domains"
    echo "==> Creating Payara domain amira-demo (admin console http://localhost:4848, no password)"
    "$payara_home/bin/asadmin" create-domain --nopassword --domaindir "$domains" amira-demo
    # Deployed at boot from the autodeploy directory; the system properties as a pre-boot command.
    mkdir -p "$domains/amira-demo/autodeploy"
    cp ear/target/amira.ear "$domains/amira-demo/autodeploy/"
    printf 'create-system-properties %s\n' "$(IFS=:; echo "${adapter_properties[*]//:/\\:}")" \
        > "$domains/amira-demo/config/amira-preboot.asadmin"

    payara_domains="$domains"
    echo "==> Starting Payara with amira.ear (Ctrl-C stops everything)"
    "$payara_home/bin/asadmin" start-domain --verbose --domaindir "$domains" \
        --prebootcommandfile "$domains/amira-demo/config/amira-preboot.asadmin" amira-demo &
fi
server_pid=$!
wait "$server_pid" || true
