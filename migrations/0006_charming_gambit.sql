CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `verification_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text NOT NULL,
	`purpose` text NOT NULL,
	`user_id` integer,
	`code_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `verification_codes_phone` ON `verification_codes` (`phone`,`purpose`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `phone_verified_at` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `enrolled_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `enterprises` ADD `handover_to_user_id` integer REFERENCES users(id);--> statement-breakpoint
-- hand-written (keep on regenerate)
-- Who enrolled each enterprise, from its enrolment's audit entry (its first liaison otherwise).
UPDATE `enterprises` SET `enrolled_by` = coalesce((SELECT a.`actor_user_id` FROM `audit_log` a WHERE a.`entity_type` = 'enterprise' AND a.`action` = 'enterprise.enrol' AND a.`entity_id` = CAST(`enterprises`.`id` AS TEXT) ORDER BY a.`id` LIMIT 1), `liaison_user_id`);
