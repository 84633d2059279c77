import { api } from '../../api';
import type { ConsensusBody } from '../results/resultsTypes';

/* The consensus round's routes (DgcaResultsModule): the only place the consensus page calls the API. */

export const getConsensus = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/assessments/{id}/consensus', { params: { path: { id } }, signal });

export const recordConsensus = (id: string, statementId: string, body: ConsensusBody) =>
  api.PUT('/api/studio/dgca/assessments/{id}/consensus/{statementId}', {
    params: { path: { id, statementId } },
    body,
  });
