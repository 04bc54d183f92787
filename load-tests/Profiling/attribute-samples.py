#!/usr/bin/env python3
import sys, re, collections
# Attributes perf samples of the server (perf script output, JIT frames named via DOTNET_PerfMapEnabled=1) to the
# components of the hold path: each sample goes to the first frame from the leaf that matches a component.
# usage: perf script -i perf.data > samples.txt; python3 attribute-samples.py samples.txt
# perf script output: sample header line, then frames (leaf first), blank line between samples
cats = [
 ("jit", r"libclrjit"),
 ("auth(JwtBearer/IdentityModel)", r"JwtBearer|IdentityModel|AuthenticationMiddleware|AuthenticationHandler|AuthenticationService|Claims"),
 ("stamp check(CurrentRights)", r"CurrentRights"),
 ("verified-email filter", r"VerifiedBuyer|EmailVerifications"),
 ("rate limiting", r"RateLimit"),
 ("telemetry(OTel/metrics/diagnostics)", r"OpenTelemetry|System\.Diagnostics\.Metrics|HttpMetrics|HostingMetrics|KestrelMetrics|DiagnosticListener|Activity|TicketingMetrics|Instruments|Observe\(\)"),
 ("logging", r"Microsoft\.Extensions\.Logging|Logger"),
 ("JSON", r"System\.Text\.Json"),
 ("hold endpoint(HoldsApi/RDF/filters/results)", r"HoldsApi|RequestDelegateFactory|EndpointFilter|HttpResults|Http\.Results|TypedResults|ProblemDetails|Validation"),
 ("routing/middleware pipeline", r"Routing|EndpointMiddleware|StaticFiles|DefaultFiles|SecurityHeaders|TransportSecurity|ExceptionHandler|StatusCodePages|Prometheus|MediaFiles|HostingApplication|Builder\.UseExtensions|UseMiddleware"),
 ("commit(Npgsql/store/group commit)", r"Npgsql|GroupCommit|InventoryStore|Dapper|Persistence"),
 ("grain logic(TicketTypeGrain/rules)", r"Fashionistas\.Grains"),
 ("Orleans runtime/messaging/serializer", r"Orleans"),
 ("Kestrel/HTTP parsing/sockets", r"Kestrel|System\.Net\.Sockets|System\.IO\.Pipelines|Http\.Features|HttpProtocol"),
 ("thread pool/async machinery", r"ThreadPool|ExecutionContext|AsyncTaskMethodBuilder|AsyncStateMachineBox|Task::|Tasks\.|Timer"),
 ("GC/runtime native", r"libcoreclr|libclrgc"),
 ("kernel", r"kallsyms|\[k\]"),
]
cats = [(n, re.compile(p)) for n,p in cats]
counts = collections.Counter(); total = 0
frames = []
def flush():
    global total, frames
    if not frames: return
    total += 1
    for f in frames:
        for n,p in cats:
            if n in ("jit","GC/runtime native","kernel"): continue
            if p.search(f):
                counts[n] += 1; frames = []; return
    # no managed category: leaf dso
    leaf = frames[0]
    for n in ("jit","GC/runtime native","kernel"):
        if dict(cats)[n].search(leaf): counts[n]+=1; frames=[]; return
    counts["other"] += 1; frames = []
for line in open(sys.argv[1], errors="replace"):
    if not line.strip():
        flush(); continue
    if line[0] in " \t":
        frames.append(line.strip())
    else:
        flush()
flush()
for n,c in counts.most_common():
    print(f"{100*c/total:6.1f}%  {n}")
print("samples", total)
