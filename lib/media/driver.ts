import 'server-only';
import { env } from '@/lib/env';
import { LocalDiskDriver, S3Driver, type StorageDriver } from './storage';

let driver: StorageDriver | undefined;

/** The driver chosen by MEDIA_STORAGE (local disk unless set to s3). */
export function getStorage(): StorageDriver {
  if (driver) return driver;
  if (env.MEDIA_STORAGE === 's3') {
    driver = new S3Driver({
      endpoint: env.S3_ENDPOINT!,
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      sessionToken: env.S3_SESSION_TOKEN,
      publicUrl: env.S3_PUBLIC_URL!,
    });
  } else {
    driver = new LocalDiskDriver(env.MEDIA_DIR);
  }
  return driver;
}

/** For tests: use another driver (a stub S3 server, a temporary folder). */
export function setStorageForTests(next: StorageDriver | undefined) {
  driver = next;
}
