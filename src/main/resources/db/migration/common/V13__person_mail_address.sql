-- A person's own e-mail address, where it is not username@tsunagu.notification.mail.recipient-domain (null: that
-- address is used). Set by the administrator, or from the directory's mail attribute at each sign-in.
alter table person add column mail_address varchar(254);
