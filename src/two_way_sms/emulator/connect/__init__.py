"""A minimal Amazon Connect (`connect`) for LocalStack: instances, numbers imported from End User
Messaging SMS, and the chat integration events inbound messages become."""
