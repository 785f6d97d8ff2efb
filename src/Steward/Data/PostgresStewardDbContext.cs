using Microsoft.EntityFrameworkCore;

namespace Steward.Data;

public sealed class PostgresStewardDbContext(DbContextOptions<PostgresStewardDbContext> options) : StewardDbContext(options);
