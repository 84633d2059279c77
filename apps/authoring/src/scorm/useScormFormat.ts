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
    /** "1 hr 5 min", "4 min 12 sec", "0 sec". */
    const duration = (totalSeconds: number): string => {
      const seconds = Math.max(0, Math.round(totalSeconds));
      const hours = Math.floor(seconds / 3600);
      const minutes = Math.floor((seconds % 3600) / 60);
      const rest = seconds % 60;
      if (hours > 0) return [unit(hours, 'hour'), unit(minutes, 'minute')].join(' ');
      if (minutes > 0) return [unit(minutes, 'minute'), unit(rest, 'second')].join(' ');
      return unit(rest, 'second');
    };
    return {
      bytes(bytes: number): string {
        if (bytes < 1024) return unit(bytes, 'byte');
        if (bytes < 1024 ** 2) return unit(bytes / 1024, 'kilobyte', 1);
        if (bytes < 1024 ** 3) return unit(bytes / 1024 ** 2, 'megabyte', 1);
        return unit(bytes / 1024 ** 3, 'gigabyte', 2);
      },
      duration,
      /**
       * A SCORM timespan as the SCO wrote it (1.2 "HH:MM:SS.SS", 2004 ISO 8601 "PT1M12S") in
       * words; anything else as written.
       */
      timespan(value: string): string {
        const seconds = timespanSeconds(value);
        return seconds === null ? value : duration(seconds);
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

/** Seconds of a 1.2 CMITimespan or a 2004 ISO 8601 duration; null when it is neither. */
export function timespanSeconds(value: string): number | null {
  const clock = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(value);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    value,
  );
  if (!iso || value === 'P' || value.endsWith('T')) return null;
  const [, years, months, days, hours, minutes, secs] = iso.map((part) => Number(part ?? 0));
  return (((years! * 365 + months! * 30 + days!) * 24 + hours!) * 60 + minutes!) * 60 + secs!;
}
