import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { Completion, ScormVersion, Success } from './scormTypes';

const COMPLETION_KEYS: Record<Completion, string> = {
  'not attempted': 'scorm.completion.notAttempted',
  incomplete: 'scorm.completion.incomplete',
  completed: 'scorm.completion.completed',
  unknown: 'scorm.completion.unknown',
};

const SUCCESS_KEYS: Record<Success, string> = {
  passed: 'scorm.success.passed',
  failed: 'scorm.success.failed',
  unknown: 'scorm.success.unknown',
};

const VERSION_KEYS: Record<ScormVersion, string> = {
  '1.2': 'scorm.versions.v12',
  '2004-2nd': 'scorm.versions.v2004second',
  '2004-3rd': 'scorm.versions.v2004third',
  '2004-4th': 'scorm.versions.v2004fourth',
};

/** Sizes, durations, statuses and scores of SCORM data, in the trainer's language. */
export function useScormFormat() {
  const { t } = useTranslation();
  const format = useFormatters();
  return useMemo(() => {
    const unit = (value: number, name: string, digits = 0) =>
      format.number(value, {
        style: 'unit',
        unit: name,
        unitDisplay: 'short',
        maximumFractionDigits: digits,
      });
    return {
      bytes(bytes: number): string {
        if (bytes < 1024) return unit(bytes, 'byte');
        if (bytes < 1024 ** 2) return unit(bytes / 1024, 'kilobyte', 1);
        if (bytes < 1024 ** 3) return unit(bytes / 1024 ** 2, 'megabyte', 1);
        return unit(bytes / 1024 ** 3, 'gigabyte', 2);
      },
      /** "1 hr 5 min", "4 min 12 sec", "0 sec". */
      duration(totalSeconds: number): string {
        const seconds = Math.max(0, Math.round(totalSeconds));
        const hours = Math.floor(seconds / 3600);
        const minutes = Math.floor((seconds % 3600) / 60);
        const rest = seconds % 60;
        if (hours > 0) return [unit(hours, 'hour'), unit(minutes, 'minute')].join(' ');
        if (minutes > 0) return [unit(minutes, 'minute'), unit(rest, 'second')].join(' ');
        return unit(rest, 'second');
      },
      date: (value: string) => format.date(value, { dateStyle: 'medium', timeStyle: 'short' }),
      number: (value: number) => format.number(value),
      percent: (scaled: number) => format.number(scaled, { style: 'percent', maximumFractionDigits: 1 }),
      completion: (value: Completion) => t(COMPLETION_KEYS[value] ?? 'scorm.completion.unknown'),
      success: (value: Success) => t(SUCCESS_KEYS[value] ?? 'scorm.success.unknown'),
      version: (value: ScormVersion) => (VERSION_KEYS[value] ? t(VERSION_KEYS[value]) : value),
    };
  }, [t, format]);
}
