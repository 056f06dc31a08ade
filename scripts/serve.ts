/**
 * Serves the built app like `next start`, and stamps each request with the client's address for
 * login throttling (lib/auth/client-address.ts): Next.js hides the socket's address and trusts a
 * client-sent X-Forwarded-For, so only a server that sees the socket can tell the two apart.
 *
 *   tsx scripts/serve.ts [--port 3000] [--host 127.0.0.1] [--dev]
 *
 * TRUST_PROXY_HOPS (default 0) says how many reverse proxies in front append to X-Forwarded-For.
 */
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddressFromChain } from "@/lib/auth/client-address";
import { readAuthConfig } from "@/lib/auth/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, host: { type: "string", short: "H" }, dev: { type: "boolean" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.host ?? process.env.HOST ?? "127.0.0.1";

async function main() {
  const { trustProxyHops } = readAuthConfig(); // fails fast, naming the variable, when it is invalid
  const app = next({ dev: Boolean(values.dev), dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    const address = clientAddressFromChain(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustProxyHops);
    delete req.headers[CLIENT_ADDRESS_HEADER];
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
    void handle(req, res);
  });
  if (values.dev) server.on("upgrade", app.getUpgradeHandler());
  server.listen(port, hostname, () => console.log(`▲ Consilium ready on http://${hostname}:${port} (trusting ${trustProxyHops} proxy hop${trustProxyHops === 1 ? "" : "s"})`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
