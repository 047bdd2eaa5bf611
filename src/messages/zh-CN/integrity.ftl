## integrity
