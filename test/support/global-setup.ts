import { createTemplate, dropTemplate } from './test-database';

export async function setup(): Promise<void> {
  await createTemplate();
}

export async function teardown(): Promise<void> {
  await dropTemplate();
}
