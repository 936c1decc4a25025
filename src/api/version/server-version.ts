import type { RequestHandler } from 'express';
import { writeRaw } from '../responses/write-body.js';

/**
 * The version kubefacade answers /version with: the API server it imitates (apimachinery pkg/version/types.go,
 * with the emulation and compatibility fields servers have sent since 1.33). Nodes report their own kubelet
 * versions; this is only the API server's.
 */
export const SERVER_VERSION = {
  major: '1',
  minor: '33',
  emulationMajor: '1',
  emulationMinor: '33',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '32',
  gitVersion: 'v1.33.1',
  gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T08:19:08Z',
  goVersion: 'go1.24.2',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;

export function versionHandler(): RequestHandler {
  const body = JSON.stringify(SERVER_VERSION, null, 2);
  return (_req, res) => {
    writeRaw(res, 200, 'application/json', body);
  };
}
