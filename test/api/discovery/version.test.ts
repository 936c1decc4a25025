import express from 'express';
import request from 'supertest';
import { SERVER_VERSION, versionHandler } from '../../../src/api/version/server-version.js';

describe('/version', () => {
  const app = express().get('/version', versionHandler());

  test('answers the imitated API server version as indented JSON, like WriteRawJSON', async () => {
    const res = await request(app).get('/version').set('Accept', 'application/json, */*').expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(JSON.stringify(SERVER_VERSION, null, 2));
    expect(Object.keys(res.body)).toEqual([
      'major',
      'minor',
      'emulationMajor',
      'emulationMinor',
      'minCompatibilityMajor',
      'minCompatibilityMinor',
      'gitVersion',
      'gitCommit',
      'gitTreeState',
      'buildDate',
      'goVersion',
      'compiler',
      'platform',
    ]);
  });

  test('the version is a 1.33 server that kubectl 1.32–1.33 see without skew warnings', () => {
    expect(SERVER_VERSION.gitVersion).toBe(`v${SERVER_VERSION.major}.${SERVER_VERSION.minor}.1`);
    expect(Number(SERVER_VERSION.minCompatibilityMinor)).toBe(Number(SERVER_VERSION.minor) - 1);
  });
});
