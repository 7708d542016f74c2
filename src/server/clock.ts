/** Time is injected: services take a clock, tests pin it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
