import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageProblem } from './scormTypes';

/*
 * Problem codes the studio explains in the trainer's language: the package library's
 * PackageProblemCode (apps/api/src/scorm/package/manifest/package-problem.ts) and UnzipProblemCode
 * (apps/api/src/scorm/package/unzip-problem.ts). A code not listed here (a newer server) is shown
 * with the server's English detail.
 */
const KNOWN_CODES = new Set([
  'manifest-missing',
  'manifest-not-well-formed',
  'manifest-too-large',
  'unsupported-href',
  'not-a-manifest',
  'no-organization',
  'default-organization-missing',
  'item-resource-missing',
  'sco-without-href',
  'no-launchable-item',
  'sequencing-reference-missing',
  'dependency-missing',
  'file-missing',
  'not-a-zip',
  'unsafe-path',
  'symlink',
  'encrypted-entry',
  'duplicate-entry',
  'too-many-entries',
  'too-large',
  'zip-bomb',
  'entry-size-mismatch',
  'corrupt-entry',
  'target-not-empty',
]);

export interface ProblemText {
  /** What is wrong, in the trainer's language (or the server's English for an unknown code). */
  message: string;
  /** Where: the item, resource, manifest line or zip entry it is about, when the server said. */
  places: string[];
}

/** Turns one package problem into words: its message and where in the package it is. */
export function usePackageProblemText(): (problem: PackageProblem) => ProblemText {
  const { t } = useTranslation();
  return useCallback(
    (problem: PackageProblem) => {
      const message = KNOWN_CODES.has(problem.code)
        ? t(`scorm.problems.${problem.code}`, { defaultValue: problem.detail })
        : problem.detail || t('scorm.problems.unknown');
      const places: string[] = [];
      if (problem.line != null) places.push(t('scorm.problemPlace.line', { line: problem.line }));
      if (problem.itemId) places.push(t('scorm.problemPlace.item', { id: problem.itemId }));
      if (problem.resourceId) places.push(t('scorm.problemPlace.resource', { id: problem.resourceId }));
      if (problem.entry) places.push(t('scorm.problemPlace.entry', { name: problem.entry }));
      return { message, places };
    },
    [t],
  );
}
