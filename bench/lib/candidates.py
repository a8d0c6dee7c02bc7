"""bench/run.sh --candidates: median req/s (and MB/s, p50) per workload and target, and the ratio to nginx."""
import statistics
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from report import parse_wrk  # noqa: E402

LABELS = {
    "nginx": "nginx as the same relay",
    "relay": "cookie-relay, tuned JVM options",
    "relay-plain": "cookie-relay, no JVM option",
    "floor": "JDK HttpClient floor, tuned JVM options",
    "floor-plain": "JDK HttpClient floor, no JVM option",
    "jetty": "Jetty HttpClient 12.1.14 floor, no JVM option",
    "apache": "Apache HttpClient 5.6.5 async floor, no JVM option",
    # The Java peers (bench/peers/): what a team deploys instead of the relay, library defaults.
    "mitre": "peer: mitre HTTP-Proxy-Servlet 2.0 (HttpClient 4), no JVM option",
    "jetty-proxy": "peer: Jetty 12.1.14 ee10 ProxyServlet, no JVM option",
}


def main(work, reps, workloads, targets, machine):
    reps, workloads, targets = int(reps), workloads.split(), targets.split()
    print(f"Backend-client candidates, {machine}; {reps} interleaved rounds, medians.\n")
    print("| target | " + " | ".join(workloads) + " |")
    print("|---|" + "---|" * len(workloads))
    medians = {}
    for target in targets:
        for workload in workloads:
            runs = [parse_wrk(f"{work}/wrk/{workload}.{target}.{rep}.txt") for rep in range(1, reps + 1)]
            medians[(target, workload)] = {
                "rps": statistics.median(r.get("req_per_s", 0) for r in runs),
                "p50": statistics.median(r.get("p50_us", 0) for r in runs),
            }
    for target in targets:
        cells = []
        for workload in workloads:
            m, n = medians[(target, workload)], medians[("nginx", workload)]
            cell = f"{m['rps']:,.0f}/s"
            if target != "nginx" and n["rps"]:
                cell += f" ({m['rps'] / n['rps']:.2f}x)"
            if workload == "get-small-1":
                cell += f", p50 {m['p50'] / 1000:.2f} ms"
            cells.append(cell)
        print(f"| {LABELS.get(target, target)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(*sys.argv[1:6])
