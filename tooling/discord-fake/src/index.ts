export type { FakeDiscord, FakeDiscordOptions, WaitOptions } from './fake-discord.ts';
export { startFakeDiscord } from './fake-discord.ts';
export type {
  BucketRule,
  LatencyFault,
  RateLimitFault,
  RouteMatch,
  ServerErrorFault,
} from './faults.ts';
export { Faults } from './faults.ts';
export type { GatewayStats } from './gateway.ts';
export type {
  AutocompleteInput,
  ButtonInput,
  Injected,
  ModalInput,
  OptionValues,
  Place,
  SlashCommandInput,
} from './inject.ts';
export type {
  CommandRegistration,
  FakeUser,
  InteractionAnswer,
  InteractionRecord,
  RecordedRequest,
} from './world.ts';
