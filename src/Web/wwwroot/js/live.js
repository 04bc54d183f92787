// Live updates over SignalR (/hubs/live). The page joins its groups again after every reconnect (a new
// connection has no groups), and polls the API while the hub is unreachable, so numbers never go stale silently.
import { token } from './session.js';
import { t } from './i18n.js';

/** How often to poll while the live connection is down (ms). */
const POLL_INTERVAL_MS = 5000;
/** Reconnect back-off (ms); after the last one the connection keeps retrying every RETRY_FOREVER_MS. */
const RECONNECT_DELAYS_MS = [0, 1000, 2000, 5000, 10000];
const RETRY_FOREVER_MS = 15000;

/**
 * connectLive({ join: [['JoinEvent', id], ...], on: { availability: fn, eventStatus: fn, dashboard: fn },
 *               poll: async () => {...}, indicator: element })
 * Returns { stop() }.
 */
export function connectLive({ join, on, poll, indicator }) {
  let pollTimer = null;
  let stopped = false;

  const setState = (state) => {
    if (!indicator) return;
    indicator.dataset.state = state;
    indicator.textContent = t(`live.${state}`);
  };

  const startPolling = () => {
    if (pollTimer || !poll || stopped) return;
    pollTimer = setInterval(() => poll().catch(() => {}), POLL_INTERVAL_MS);
  };
  const stopPolling = () => {
    clearInterval(pollTimer);
    pollTimer = null;
  };

  const signalR = window.signalR;
  if (!signalR) {
    setState('polling');
    startPolling();
    return { stop() { stopped = true; stopPolling(); } };
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/live', { accessTokenFactory: () => token() ?? '' })
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: ({ previousRetryCount }) =>
        RECONNECT_DELAYS_MS[previousRetryCount] ?? RETRY_FOREVER_MS,
    })
    // The page shows connection trouble itself; the library's own reports are kept as warnings.
    .configureLogging({ log: (level, message) => { if (level >= signalR.LogLevel.Warning) console.warn('[live]', message); } })
    .build();

  for (const [name, handler] of Object.entries(on)) connection.on(name, handler);

  const joinAll = async () => {
    for (const [method, ...args] of join) await connection.invoke(method, ...args);
  };

  connection.onreconnecting(() => { setState('reconnecting'); startPolling(); });
  connection.onreconnected(async () => {
    try {
      await joinAll();
      stopPolling();
      setState('connected');
    } catch {
      setState('reconnecting');
    }
  });
  connection.onclose(() => { if (!stopped) { setState('offline'); startPolling(); setTimeout(start, RETRY_FOREVER_MS); } });

  async function start() {
    if (stopped) return;
    setState('connecting');
    try {
      await connection.start();
      await joinAll();
      stopPolling();
      // Each join sends the current state first, so nothing between the first load and now is missed.
      setState('connected');
    } catch {
      setState('offline');
      startPolling();
      if (connection.state === signalR.HubConnectionState.Disconnected) setTimeout(start, RETRY_FOREVER_MS);
    }
  }

  start();
  addEventListener('pagehide', () => { stopped = true; connection.stop(); }, { once: true });
  return { stop() { stopped = true; stopPolling(); return connection.stop(); } };
}
