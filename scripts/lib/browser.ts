/** Launches Debian's Chromium through playwright-core: the one launch recipe for the browser tests and the bench. */
import { existsSync } from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export async function launchBrowser(options: { webgl?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (npm test's pretest does it as root)`);
  const args = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    ...(options.webgl === false ? ["--disable-webgl", "--disable-3d-apis"] : ["--enable-unsafe-swiftshader", "--use-angle=swiftshader"]),
  ];
  const launch: LaunchOptions = { executablePath: CHROMIUM, headless: true, args };
  return chromium.launch(launch);
}
