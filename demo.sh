#!/usr/bin/env bash
# Runs the Amira demo: builds the project, unpacks the application server (into it/target), starts
# the AMI simulator on loopback as the PBX (unless AMIRA_HOST names a real Asterisk), deploys
# amira.ear and runs the server in the foreground. Ctrl-C stops the server and the simulator.
#
#   ./demo.sh                       # WildFly 39, simulator as the PBX
#   ./demo.sh --server payara       # Payara Server 6
#   ./demo.sh --cluster             # two clustered WildFly nodes on loopback (docs/cluster.md):
#                                   # one delivers the events, kill -9 it to watch the other take over
#   AMIRA_HOST=pbx AMIRA_USERNAME=amira AMIRA_SECRET=... ./demo.sh    # a real Asterisk
set -euo pipefail
cd "$(dirname "$0")"

server=wildfly
cluster=false
while [ $# -gt 0 ]; do
    case "$1" in
        --cluster) cluster=true; shift ;;
        --server) server="${2:-}"; shift 2 ;;
        --server=*) server="${1#--server=}"; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (try --server wildfly|payara, or --cluster)" >&2; exit 2 ;;
    esac
done
case "$server" in
    wildfly|payara) ;;
    *) echo "unknown server: $server (wildfly or payara)" >&2; exit 2 ;;
esac
if [ "$cluster" = true ] && [ "$server" != wildfly ]; then
    echo "--cluster runs WildFly nodes (docs/cluster.md)" >&2; exit 2
fi

simulator_port="${AMIRA_DEMO_SIMULATOR_PORT:-15038}"

echo "==> Building Amira and fetching the servers (the first run downloads them)"
mvn -q -DskipTests -pl it -am verify

# The sample's MDB logs each call event at FINE (DEBUG in WildFly's terms), off in production; the
# demo shows those lines on the console through a handler of their own (and server.log, once each).
show_sample_events() {
    sed -i 's#</periodic-rotating-file-handler>#&\
            <console-handler name="AMIRA-SAMPLE-EVENTS"><level name="DEBUG"/><formatter><named-formatter name="COLOR-PATTERN"/></formatter></console-handler>\
            <logger category="io.amira.sample.CallEventListenerBean" use-parent-handlers="false"><level name="DEBUG"/><handlers><handler name="AMIRA-SAMPLE-EVENTS"/><handler name="FILE"/></handlers></logger>#' "$1"
}

simulator_pid=""
server_pid=""
cluster_pids=()
payara_domains=""
stop_all() {
    trap - INT TERM EXIT
    set +e   # stop everything even when one of them is gone already
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    for pid in "${cluster_pids[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
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

# Two WildFly nodes on loopback (docs/cluster.md): node1 on the default ports, node2 with offset 100.
run_cluster() {
    local wildfly_version wildfly_home demo_dir template members node
    wildfly_version=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
    wildfly_home="$PWD/it/target/wildfly-$wildfly_version"
    demo_dir="$PWD/target/demo/cluster"
    template="$demo_dir/template"
    rm -rf "$demo_dir"
    mkdir -p "$template"

    echo "==> Configuring standalone-full-ha.xml for a cluster on loopback (docs/wildfly/cluster.cli)"
    cp -r "$wildfly_home/standalone/configuration" "$template/"
    { echo "embed-server --server-config=standalone-full-ha.xml --std-out=discard"
      cat docs/wildfly/cluster.cli
      echo "stop-embedded-server"; } > "$demo_dir/cluster-offline.cli"
    JAVA_OPTS="-Djboss.server.base.dir=$template" "$wildfly_home/bin/jboss-cli.sh" \
        --file="$demo_dir/cluster-offline.cli" > "$demo_dir/cluster-cli.out"

    members="127.0.0.1[7600],127.0.0.1[7700]"
    for node in node1 node2; do
        local base_dir="$demo_dir/$node" offset=0 script_pid
        [ "$node" = node2 ] && offset=100
        mkdir -p "$base_dir/deployments"
        cp -r "$template/configuration" "$base_dir/"
        rm -rf "$base_dir/configuration/standalone_xml_history"
        show_sample_events "$base_dir/configuration/standalone-full-ha.xml"
        cp ear/target/amira.ear "$base_dir/deployments/"
        touch "$base_dir/console.log"
        LAUNCH_JBOSS_IN_BACKGROUND=1 "$wildfly_home/bin/standalone.sh" -c standalone-full-ha.xml \
            -Djboss.server.base.dir="$base_dir" -Djboss.node.name="$node" \
            -Djboss.socket.binding.port-offset="$offset" -Djboss.cluster.tcp.initial_hosts="$members" \
            -Damira.sample.clustered-singleton=true "${adapter_properties[@]/#/-D}" > "$base_dir/console.log" 2>&1 &
        script_pid=$!
        cluster_pids+=("$script_pid")
        # The node's JVM (the child of standalone.sh that runs jboss-modules), for a kill -9.
        ( for _ in $(seq 1 120); do
              java_pid=$(pgrep -P "$script_pid" -f jboss-modules.jar || true)
              [ -n "$java_pid" ] && echo "$java_pid" > "$demo_dir/$node.pid" && break
              sleep 1
          done ) &
    done

    cat <<EOF
==> Two WildFly nodes are starting (a minute or more): node1 (http 8080, management 9990) and
    node2 (http 8180, management 10090). Each originates a call every ${AMIRA_SAMPLE_INTERVAL:-10} s through its own
    pool; only the node elected as the clustered singleton logs the calls' events.
    To watch a takeover, kill the delivering node in another terminal, e.g. node1:
        kill -9 \$(cat $demo_dir/node1.pid)
    The other node logs "elected as the singleton provider", AMIRA-SAMPLE-020 Amira.Connected and
    the next calls' events within seconds. Full logs: $demo_dir/node*/log/server.log.
    Ctrl-C stops everything.
==> Amira's lines, cluster membership and the singleton election of both nodes:
EOF
    local interesting='io\.amira|WFLYCLSN000[123]|WFLYCLJG0033|ISPN100001|WFLYSRV0025|WFLYEJB047[56]|ERROR'
    tail -F -n +1 "$demo_dir/node1/console.log" "$demo_dir/node2/console.log" 2>/dev/null > >(awk -v pattern="$interesting" '
        /^==> .* <==$/ { n = split($2, parts, "/"); node = parts[n - 1]; next }
        $0 ~ pattern   { gsub(/\033\[[0-9;]*m/, ""); print "[" node "] " $0; fflush() }') &
    cluster_pids+=($!)
    wait "${cluster_pids[-1]}" || true
}

if [ "$cluster" = true ]; then
    run_cluster   # defined below; returns when the demo is stopped
    exit 0
elif [ "$server" = wildfly ]; then
    wildfly_version=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
    wildfly_home="$PWD/it/target/wildfly-$wildfly_version"
    base_dir="$PWD/target/demo/standalone"
    rm -rf "$base_dir"
    mkdir -p "$(dirname "$base_dir")"
    cp -r "$wildfly_home/standalone" "$base_dir"
    cp ear/target/amira.ear "$base_dir/deployments/"
    show_sample_events "$base_dir/configuration/standalone-full.xml"

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
