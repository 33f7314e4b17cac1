import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { TaskList } from './dto/tasks.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('me')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('tasks')
  @Allow('profile:read')
  @ApiOperation({
    summary: 'What waits for the caller: each step they own on a case they may see, with its deadline (process.md §6)',
    description: 'Computed from the cases’ state: overdue first, then by deadline. An admin (who reads no casework) has none.',
  })
  @ApiOkResponse({ type: TaskList })
  listMyTasks(@CurrentActor() actor: Actor): Promise<TaskList> {
    return this.tasks.list(actor);
  }
}
