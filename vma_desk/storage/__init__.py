"""Storage: the SQLCipher workspace, its key in the OS keyring, migrations, repositories, audit."""
