"""The command-line tools: `ylua` (like `lua`)."""
