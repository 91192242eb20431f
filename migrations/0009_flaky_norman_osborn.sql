CREATE TABLE `fund_claim_figures` (
	`plan_year` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	PRIMARY KEY(`plan_year`, `status`)
);
--> statement-breakpoint
CREATE TABLE `fund_income_figures` (
	`plan_year` integer PRIMARY KEY NOT NULL,
	`shares` integer NOT NULL,
	`purchases` integer NOT NULL,
	`income_fen` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `payout_accounts` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`bank_name` text NOT NULL,
	`account_no` text NOT NULL,
	`account_last4` text NOT NULL,
	`account_name` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `work_calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text_zh` text NOT NULL,
	`text_en` text NOT NULL,
	`subject` text,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `user_languages` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`lang` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `aid_claims` ADD `payout_bank_name` text;--> statement-breakpoint
ALTER TABLE `aid_claims` ADD `payout_account_no` text;--> statement-breakpoint
ALTER TABLE `aid_claims` ADD `payout_account_last4` text;--> statement-breakpoint
ALTER TABLE `aid_claims` ADD `payout_account_name` text;--> statement-breakpoint
ALTER TABLE `aid_plans` ADD `required_documents` text DEFAULT '["invoice","itemised_bill","discharge_summary","insurance_statement"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `aid_plans` ADD `processing_days` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
-- hand-written (keep on regenerate)
-- The first release called the insurance settlement statement 'settlement_sheet'.
UPDATE `aid_claim_documents` SET `kind` = 'insurance_statement' WHERE `kind` = 'settlement_sheet';--> statement-breakpoint
-- The fund figures of the claims and shares already there.
INSERT INTO `fund_claim_figures` (`plan_year`, `status`, `n`, `amount_fen`)
  SELECT `plan_year`, `status`, count(*), coalesce(sum(coalesce(`payable_fen`, json_extract(`estimate`, '$.payableFen'))), 0)
  FROM `aid_claims` GROUP BY `plan_year`, `status`;--> statement-breakpoint
INSERT INTO `fund_income_figures` (`plan_year`, `shares`, `purchases`, `income_fen`)
  SELECT `plan_year`, sum(`shares`), count(*), sum(`amount_fen`) FROM `aid_purchases` WHERE `status` = 'paid' GROUP BY `plan_year`;--> statement-breakpoint
-- Kept exact by the database in the same transaction as the change, whichever code makes it.
CREATE TRIGGER `fund_claims_insert` AFTER INSERT ON `aid_claims`
BEGIN
  INSERT INTO `fund_claim_figures` (`plan_year`, `status`, `n`, `amount_fen`)
  VALUES (NEW.`plan_year`, NEW.`status`, 1, coalesce(NEW.`payable_fen`, json_extract(NEW.`estimate`, '$.payableFen'), 0))
  ON CONFLICT (`plan_year`, `status`) DO UPDATE SET `n` = `n` + 1, `amount_fen` = `amount_fen` + excluded.`amount_fen`;
END;--> statement-breakpoint
CREATE TRIGGER `fund_claims_delete` AFTER DELETE ON `aid_claims`
BEGIN
  UPDATE `fund_claim_figures` SET `n` = `n` - 1, `amount_fen` = `amount_fen` - coalesce(OLD.`payable_fen`, json_extract(OLD.`estimate`, '$.payableFen'), 0)
  WHERE `plan_year` = OLD.`plan_year` AND `status` = OLD.`status`;
END;--> statement-breakpoint
CREATE TRIGGER `fund_claims_update` AFTER UPDATE OF `status`, `plan_year`, `payable_fen`, `estimate` ON `aid_claims`
WHEN NEW.`status` IS NOT OLD.`status` OR NEW.`plan_year` IS NOT OLD.`plan_year` OR NEW.`payable_fen` IS NOT OLD.`payable_fen` OR NEW.`estimate` IS NOT OLD.`estimate`
BEGIN
  UPDATE `fund_claim_figures` SET `n` = `n` - 1, `amount_fen` = `amount_fen` - coalesce(OLD.`payable_fen`, json_extract(OLD.`estimate`, '$.payableFen'), 0)
  WHERE `plan_year` = OLD.`plan_year` AND `status` = OLD.`status`;
  INSERT INTO `fund_claim_figures` (`plan_year`, `status`, `n`, `amount_fen`)
  VALUES (NEW.`plan_year`, NEW.`status`, 1, coalesce(NEW.`payable_fen`, json_extract(NEW.`estimate`, '$.payableFen'), 0))
  ON CONFLICT (`plan_year`, `status`) DO UPDATE SET `n` = `n` + 1, `amount_fen` = `amount_fen` + excluded.`amount_fen`;
END;--> statement-breakpoint
CREATE TRIGGER `fund_income_insert` AFTER INSERT ON `aid_purchases` WHEN NEW.`status` = 'paid'
BEGIN
  INSERT INTO `fund_income_figures` (`plan_year`, `shares`, `purchases`, `income_fen`) VALUES (NEW.`plan_year`, NEW.`shares`, 1, NEW.`amount_fen`)
  ON CONFLICT (`plan_year`) DO UPDATE SET `shares` = `shares` + excluded.`shares`, `purchases` = `purchases` + 1, `income_fen` = `income_fen` + excluded.`income_fen`;
END;--> statement-breakpoint
CREATE TRIGGER `fund_income_delete` AFTER DELETE ON `aid_purchases` WHEN OLD.`status` = 'paid'
BEGIN
  UPDATE `fund_income_figures` SET `shares` = `shares` - OLD.`shares`, `purchases` = `purchases` - 1, `income_fen` = `income_fen` - OLD.`amount_fen`
  WHERE `plan_year` = OLD.`plan_year`;
END;--> statement-breakpoint
CREATE TRIGGER `fund_income_update` AFTER UPDATE OF `status`, `plan_year`, `shares`, `amount_fen` ON `aid_purchases`
WHEN (OLD.`status` = 'paid' OR NEW.`status` = 'paid') AND (NEW.`status` IS NOT OLD.`status` OR NEW.`plan_year` IS NOT OLD.`plan_year`
  OR NEW.`shares` IS NOT OLD.`shares` OR NEW.`amount_fen` IS NOT OLD.`amount_fen`)
BEGIN
  UPDATE `fund_income_figures` SET `shares` = `shares` - OLD.`shares`, `purchases` = `purchases` - 1, `income_fen` = `income_fen` - OLD.`amount_fen`
  WHERE `plan_year` = OLD.`plan_year` AND OLD.`status` = 'paid';
  INSERT INTO `fund_income_figures` (`plan_year`, `shares`, `purchases`, `income_fen`)
  SELECT NEW.`plan_year`, NEW.`shares`, 1, NEW.`amount_fen` WHERE NEW.`status` = 'paid'
  ON CONFLICT (`plan_year`) DO UPDATE SET `shares` = `shares` + excluded.`shares`, `purchases` = `purchases` + 1, `income_fen` = `income_fen` + excluded.`income_fen`;
END;
