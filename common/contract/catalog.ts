// Services the office offers and their SOP steps, and the queue's settings.
import { z } from 'zod';
import { StepRole } from '../domain/words';
import { empty, entry, Id } from './core';

export const ServiceStep = z.object({
  seq: z.number().int().min(1),
  name: z.string().min(1).max(200),
  role: StepRole,
  mutuBakuMin: z.number().int().min(1).max(24 * 60),
});
export type ServiceStep = z.infer<typeof ServiceStep>;

export const Service = z.object({
  id: Id,
  code: z.string().regex(/^[A-Z]$/),
  name: z.string(),
  active: z.boolean(),
  steps: z.array(ServiceStep),
});
export type Service = z.infer<typeof Service>;

export const catalogContract = {
  'services.list': entry(empty, z.array(Service), 'staff'),
  'services.save': entry(
    z.object({
      id: Id.optional(),
      code: z.string().trim().toUpperCase().regex(/^[A-Z]$/),
      name: z.string().trim().min(3).max(200),
      active: z.boolean(),
      steps: z.array(ServiceStep).min(1).max(30),
    }),
    Service,
    ['admin'],
  ),
  'settings.queue': entry(z.object({ priorityRatio: z.number().int().min(1).max(10) }), z.object({ priorityRatio: z.number().int() }), ['admin']),
} as const;
