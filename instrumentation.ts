// Next.js calls register() once when a server instance starts, before it serves requests.
export async function register() {
  // The worker and the database need Node APIs; the edge runtime gets neither.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startApp } = await import("./lib/server/start-app");
    await startApp();
  }
}
