"""`python -m two_way_sms.localstack up|down|status|logs|install`."""

import sys

from two_way_sms.localstack.runtime import main

sys.exit(main())
