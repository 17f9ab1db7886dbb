/**
 * Where the end-to-end tests find the playground: the production build, served by
 * `vite preview` on E2E_PORT (playwright.config.ts starts it). The build goes to a folder
 * named after the port, so two runs on one machine never build into each other's folder.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 5188);
export const BUILD_DIR = `build/e2e-${E2E_PORT}`;
