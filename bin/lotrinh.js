#!/usr/bin/env node
// Entry point of the `lotrinh` command. Runs the compiled server and CLI (dist/server/main.js), built by
// esbuild when missing or older than the sources; a checkout without esbuild's output still starts.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildServer, serverBuildIsStale } from "../scripts/buildServer.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (serverBuildIsStale()) await buildServer();
await import(pathToFileURL(path.join(root, "dist/server/main.js")).href);
