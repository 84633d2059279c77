// Points this test file at its worker's database (see global-setup.mjs).
process.env.TEST_DATABASE_URL = process.env[`TEST_DATABASE_URL_${process.env.JEST_WORKER_ID ?? '1'}`];
