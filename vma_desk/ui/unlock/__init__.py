"""Unlocking a workspace: silent with the keyring, by recovery key or passphrase otherwise."""
