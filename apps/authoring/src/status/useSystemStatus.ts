import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';

export type ComponentState = 'up' | 'down' | 'unknown';

export interface SystemStatus {
  api: ComponentState;
  database: ComponentState;
  version?: string;
  uptimeSeconds?: number;
  checkedAt: Date;
}

async function checkApi(signal: AbortSignal) {
  try {
    const { data } = await api.GET('/api/health', { signal });
    return data?.status === 'ok'
      ? { state: 'up' as const, version: data.version, uptimeSeconds: data.uptimeSeconds }
      : { state: 'down' as const };
  } catch {
    return { state: 'down' as const };
  }
}

async function checkDatabase(signal: AbortSignal): Promise<ComponentState> {
  try {
    // 200 means the API reached the database; 503 (problem+json) means it could not.
    const { data, response } = await api.GET('/api/health/ready', { signal });
    if (data?.info.database.status === 'up') return 'up';
    return response.status === 503 ? 'down' : 'unknown';
  } catch {
    // No answer at all tells us nothing about the database itself.
    return 'unknown';
  }
}

async function checkSystem(signal: AbortSignal): Promise<SystemStatus> {
  const [apiResult, database] = await Promise.all([checkApi(signal), checkDatabase(signal)]);
  return {
    api: apiResult.state,
    database,
    version: 'version' in apiResult ? apiResult.version : undefined,
    uptimeSeconds: 'uptimeSeconds' in apiResult ? apiResult.uptimeSeconds : undefined,
    checkedAt: new Date(),
  };
}

/** Checks liveness and readiness together; `refresh` checks again. `status` is null while checking. */
export function useSystemStatus(): { status: SystemStatus | null; refresh: () => void } {
  const [status, setStatus] = useState<SystemStatus | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    void checkSystem(controller.signal).then((result) => {
      if (!controller.signal.aborted) setStatus(result);
    });
    return () => controller.abort();
  }, [attempt]);

  const refresh = useCallback(() => {
    setStatus(null);
    setAttempt((count) => count + 1);
  }, []);

  return { status, refresh };
}
