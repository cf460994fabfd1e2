import { z } from 'zod';
import { Axis, MethodStep, RoadmapFields } from '../../roadmap/roadmap.ts';
import type { IdGenerator } from '../../shared/ids.ts';
import { idOf } from '../../shared/ids.ts';

/** Axes and method steps as a client writes them: new ones get their id from the kernel. */
const AxisInput = Axis.extend({ id: idOf('axis').optional() });
const MethodStepInput = MethodStep.extend({ id: idOf('methodStep').optional() });

/** The editable fields of a roadmap, with ids optional on new axes and steps. */
export const RoadmapEditableFields = RoadmapFields.extend({
  axes: z.array(AxisInput).max(30).default([]),
  method: z.array(MethodStepInput).max(30).default([]),
});

/** Gives an id to every new axis and method step. */
export function withIds<
  T extends { axes?: { id?: string | undefined }[]; method?: { id?: string | undefined }[] },
>(fields: T, ids: IdGenerator): T {
  return {
    ...fields,
    ...(fields.axes ? { axes: fields.axes.map((a) => ({ ...a, id: a.id ?? ids('axis') })) } : {}),
    ...(fields.method
      ? { method: fields.method.map((s) => ({ ...s, id: s.id ?? ids('methodStep') })) }
      : {}),
  };
}
