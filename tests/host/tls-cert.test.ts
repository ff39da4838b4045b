// The self-signed server certificate must parse every time: its random serial number once came out with a
// leading zero byte about one time in 256, which DER refuses ("illegal padding") and the server then failed
// to start on a fresh database.
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSelfSigned } from '../../src/host/tls';

describe('the self-signed server certificate', () => {
  it('parses for every random serial number (1,000 made), positive and minimally encoded', () => {
    for (let i = 0; i < 1000; i++) {
      const { cert } = generateSelfSigned(['district.gov.local', '127.0.0.1']);
      const x = new X509Certificate(cert);
      expect(x.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
    }
  });
});
