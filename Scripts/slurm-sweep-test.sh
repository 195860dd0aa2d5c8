#!/bin/sh
# Integration test of sharded sweeps on a real one-node Slurm (Debian's packages): starts
# munge, slurmctld and slurmd on this machine, submits a sweep of the teaching scenario as a
# job array with `sbatch --wait`, merges the parts and compares them byte for byte with the
# unsharded run. Needs root (it installs packages and starts daemons); run by .ci/run.
set -eu
cd "$(dirname "$0")/.."
binary="$(pwd)/.build/debug/dcplan"
[ -x "$binary" ] || { echo "build dcplan first (Scripts/test.sh)"; exit 1; }

if ! command -v slurmctld >/dev/null 2>&1; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q munge slurmctld slurmd slurm-client
fi

node="$(hostname -s)"
work="$(mktemp -d /tmp/dcplan-slurm.XXXXXX)"
chmod 755 "$work"
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /run/munge /var/log/slurm
# munge: a key, a socket folder it owns, the daemon as its user.
[ -s /etc/munge/munge.key ] || { dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null; }
chown munge:munge /etc/munge/munge.key /run/munge; chmod 400 /etc/munge/munge.key
pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=dcplan
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$node CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
pgrep -x slurmctld >/dev/null || slurmctld
pgrep -x slurmd >/dev/null || slurmd
for _ in $(seq 1 60); do
  if sinfo -h -o %t 2>/dev/null | grep -q idle; then break; fi
  sleep 1
done
sinfo

scenario="$(pwd)/Scenarios/teaching-costs.yaml"
cat > "$work/sweep.sh" <<JOB
#!/bin/sh
#SBATCH --array=0-2
#SBATCH --output=$work/log-%a.txt
"$binary" sweep "$scenario" --set 'costs.procurement_tiers.servers[0].discount=5 %,10 %,20 %' \\
  --set 'scenario.discount_rate=3 %,5 %,10 %' --shard auto/3 --threads 1 -o "$work/part-\$SLURM_ARRAY_TASK_ID.csv"
JOB
sbatch --wait "$work/sweep.sh"
"$binary" merge "$work"/part-*.csv -o "$work/merged.csv"
"$binary" sweep "$scenario" --set 'costs.procurement_tiers.servers[0].discount=5 %,10 %,20 %' \
  --set 'scenario.discount_rate=3 %,5 %,10 %' -o "$work/whole.csv"
if cmp "$work/whole.csv" "$work/merged.csv"; then
  echo "slurm sweep: the merged parts equal the unsharded sweep ($(wc -l < "$work/whole.csv") lines)"
else
  echo "slurm sweep: the merged parts differ from the unsharded sweep"; exit 1
fi
