import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../problem/problem.exception.js';
import { ProblemType } from '../problem/problem-details.js';
import { ACCESS_RULE, type AccessRule } from './access-rule.js';

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind === 'public') return true;
    throw new ProblemException({
      status: 403,
      type: ProblemType.Forbidden,
      detail: 'This endpoint has no access rule, so nobody may call it.',
    });
  }
}
