import {
  type APIApplication,
  type APIGuild,
  type APIRole,
  ApplicationFlags,
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  type RoleFlags,
} from 'discord-api-types/v10';
import { MEMBER_PERMISSIONS, type World } from './world.ts';

/** The bot's permissions in the guild: what a server admin grants when inviting it. */
export const BOT_PERMISSIONS =
  MEMBER_PERMISSIONS | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.MentionEveryone;

export function applicationPayload(world: World): APIApplication {
  return {
    id: world.applicationId,
    name: world.bot.username,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: ApplicationFlags.GatewayMessageContentLimited,
    flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
    summary: '',
    team: null,
    bot: world.bot,
  };
}

function role(
  id: string,
  name: string,
  permissions: bigint,
  position: number,
  managed: boolean,
): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: String(permissions),
    managed,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function guildPayload(world: World): APIGuild {
  return {
    id: world.guildId,
    name: world.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.ownerId,
    region: 'europe',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    // The @everyone role has the guild's id; the bot's managed role carries its permissions.
    roles: [
      role(world.guildId, '@everyone', MEMBER_PERMISSIONS, 0, false),
      role(world.botRoleId, world.bot.username, BOT_PERMISSIONS, 1, true),
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.French,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
  };
}

/** GUILD_CREATE as the gateway sends it right after READY, with members and channels. */
export function guildCreatePayload(world: World): GatewayGuildCreateDispatchData {
  const botMember = {
    user: world.bot,
    nick: null,
    avatar: null,
    banner: null,
    roles: [world.botRoleId],
    joined_at: world.createdAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
  };
  return {
    ...guildPayload(world),
    joined_at: world.createdAt,
    large: false,
    unavailable: false,
    member_count: world.users.size + 1,
    members: [botMember, ...[...world.users.values()].map((user) => world.apiMember(user))],
    channels: world.textChannels(),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
