"""`python -m two_way_sms.cli ...`"""

import sys

from two_way_sms.cli.main import main

sys.exit(main())
