// Start-to-ready baseline: the same `node --import tsx` launch as the app, with only a bare Fastify route.
import { createBareApp } from './bare';

const app = createBareApp();
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void app.close().then(() => process.exit(0)));
