# Types for sqlcipher3, which ships none (no stubs, no py.typed marker); found through mypy_path.
#
# sqlcipher3 is CPython's sqlite3 module (pysqlite) built against SQLCipher: the same DB-API
# classes, functions and exceptions with the same signatures, so its names are typed as sqlite3's.
# Only names sqlcipher3 really has are listed (it lacks newer ones such as Blob): add one here
# when the code needs it, after checking `dir(sqlcipher3)`.
from sqlite3 import Connection as Connection
from sqlite3 import Cursor as Cursor
from sqlite3 import DatabaseError as DatabaseError
from sqlite3 import DataError as DataError
from sqlite3 import Error as Error
from sqlite3 import IntegrityError as IntegrityError
from sqlite3 import InterfaceError as InterfaceError
from sqlite3 import InternalError as InternalError
from sqlite3 import NotSupportedError as NotSupportedError
from sqlite3 import OperationalError as OperationalError
from sqlite3 import ProgrammingError as ProgrammingError
from sqlite3 import Row as Row
from sqlite3 import Warning as Warning
from sqlite3 import connect as connect
from sqlite3 import sqlite_version as sqlite_version
