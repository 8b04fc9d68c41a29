/**
 * The bundled export worker's file name in the server build (build/server), shared by
 * the build (exportWorkerBuild.ts, which imports Vite) and the pool that starts it
 * (exportPool.ts, which must not).
 */
export const EXPORT_WORKER_FILE = 'export-worker.js';
