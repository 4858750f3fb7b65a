"""`python -m two_way_sms_tools.localstack up|down|status|logs|install`."""

import sys

from two_way_sms_tools.localstack.cli import main

sys.exit(main())
